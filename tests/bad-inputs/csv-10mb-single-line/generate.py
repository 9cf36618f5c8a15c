import json, pathlib
pathlib.Path("data/enterprises.csv").write_text("x" * 10_000_000)

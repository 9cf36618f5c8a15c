import json, pathlib
pathlib.Path("dataset.json").write_text("[" * 1_000_000 + "]" * 1_000_000)

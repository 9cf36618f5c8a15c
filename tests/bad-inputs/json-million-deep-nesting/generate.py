import json, pathlib
head = '{"format": "chainatlas/1", "region": {"id": "demo", "name": "r"}, "chains": '
pathlib.Path("dataset.json").write_text(head + "[" * 1_000_000 + "]" * 1_000_000 + "}\n")

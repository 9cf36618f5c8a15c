import json, pathlib
head = '{"format": "chainatlas/1", "region": {"id": "demo", "name": "r"}, "enterprises": [{"id": "e1", "name": "x", "county": "a", "extra": '
pathlib.Path("dataset.json").write_text(head + '{"a":' * 1_000_000 + "1" + "}" * 1_000_000 + "}]}")

import json, pathlib
doc = {"format": "chainatlas/1", "region": {"id": "demo", "name": "示例市"},
       "counties": [{"id": "a", "name": "甲县"}],
       "chains": [{"id": "c", "name": "链", "segments": [{"id": "c.up", "name": "上游"}]}],
       "enterprises": [{"id": f"e{i}", "name": "厂", "county": "zz", "segments": ["c.nope"]} for i in range(100000)]}
pathlib.Path("dataset.json").write_text(json.dumps(doc, ensure_ascii=False, indent=0), encoding="utf-8")

import json, pathlib
doc = {"format": "chainatlas/1", "region": {"id": "demo", "name": "示例市"},
       "counties": [{"id": "a", "name": "甲县"}],
       "chains": [{"id": "c", "name": "链", "segments": [{"id": "c.up", "name": "上游"}, {"id": "c.down", "name": "下游"}],
                   "links": [{"from": "c.up", "to": "c.down"}]}],
       "enterprises": [{"id": "e1", "name": "长" * 3_500_000, "county": "a", "segments": ["c.up"]}]}
pathlib.Path("dataset.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

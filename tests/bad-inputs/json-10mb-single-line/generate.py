import json, pathlib
doc = {"format": "chainatlas/1", "region": {"id": "demo", "name": "示例市"},
       "counties": [{"id": "a", "name": "甲县"}],
       "chains": [{"id": "c", "name": "链", "segments": [{"id": "c.up", "name": "上游"}, {"id": "c.down", "name": "下游"}],
                   "links": [{"from": "c.up", "to": "c.down"}]}],
       "enterprises": [{"id": f"e{i}", "name": f"企业{i}号有限公司" + "某" * 40, "county": "a", "segments": ["c.up"]} for i in range(60000)]}
doc["enterprises"][59990]["county"] = "b"
text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
assert "\n" not in text and len(text.encode()) >= 10_000_000, len(text.encode())
pathlib.Path("dataset.json").write_text(text, encoding="utf-8")

import json, pathlib
pathlib.Path("data/enterprises.csv").write_text('id,name,county,segments\ne1,"' + "名" * 3_400_000 + '",a,c.up\n', encoding="utf-8")

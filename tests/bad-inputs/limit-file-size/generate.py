import os
with open("dataset.json", "wb") as f:
    f.truncate((16 << 30) + 1)

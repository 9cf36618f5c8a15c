import os
os.symlink('dataset.json', 'link.json')

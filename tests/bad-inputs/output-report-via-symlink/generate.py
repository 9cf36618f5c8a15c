import os
os.symlink('dataset.json', 'link.html')

import os
os.mkdir('sub')

import sys; print('no golden cases yet'); sys.exit(0)

"""PDF and Excel writers: plain data in, file out."""

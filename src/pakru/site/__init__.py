"""The pakru website, generated from the records (:mod:`pakru.site.generate`).

This package file imports nothing: each module imports the ones it uses, so
importing one (``pakru.site.markup``) never loads the whole site.
"""

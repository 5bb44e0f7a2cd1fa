# ruff: noqa: E501 - generated; one description per line
"""Field descriptions of the models, keyed by class. Generated; do not edit.

Written by ``pakru schema`` from the attribute docstrings (see
:mod:`pakru.schema.docstrings`); ``tests/schema/test_fielddocs.py`` fails when stale.
"""

FIELD_DOCS: dict[str, dict[str, str]] = {
    "pakru.schema.agreement.Agreement": {
        "type": "Record kind.",
        "title": "A descriptive title built from the sources' words.",
        "kind": "``agreement``/``accord``: a signed text; ``commitment``/``decision``: what talks agreed.",
        "status": "As the source puts it: signed, concluded, agreed (to do something), or planned.",
        "date": "When it was signed or agreed.",
        "parties": "The countries party to it.",
        "meeting": "The meeting at which it was reached, when a source says so.",
        "subject": "What it covers, in the sources' words.",
        "same_as": "Records that may describe the same agreement but are kept apart because sources disagree.",
    },
    "pakru.schema.body.Body": {
        "type": "Record kind.",
        "kind": "What sort of body this is; ``dialogue-series`` bodies group numbered meetings.",
        "name": "The fullest name form a source uses.",
        "aliases": "Every other name form or abbreviation used in a source.",
        "country": "The country the body belongs to; null for bilateral or multilateral bodies.",
        "members": "Member countries of a dialogue series or multilateral body, as the sources state them.",
        "parent": "The body this one belongs to (e.g. RATS within the SCO), when a source says so.",
    },
    "pakru.schema.common.Evidence": {
        "source": "Id of the source record whose text contains the quote.",
        "quote": "Verbatim text from the source (whitespace is normalised before comparing).",
        "supports": "Names of the record's fields this quote supports (e.g. ``date``, ``location.city``).",
    },
    "pakru.schema.common.Statement": {
        "text": "A short paraphrase of what the sources say.",
        "evidence": "Quotes that state it.",
    },
    "pakru.schema.conflict.Conflict": {
        "type": "Record kind.",
        "kind": "``disagreement``: sources say different things; ``possible-identity``: records may be one.",
        "subject": "What the disagreement is about.",
        "sides": "The claims that disagree.",
    },
    "pakru.schema.conflict.ConflictSide": {
        "record": "The record making this claim.",
        "field": "The field in dispute (e.g. ``date``), or null when the records as a whole differ.",
        "claim": "What this side says, in a sentence.",
        "evidence": "Quotes the claim rests on.",
    },
    "pakru.schema.dates.DateInterval": {
        "earliest": "First possible day, or null when the sources give no lower bound.",
        "latest": "Last possible day, or null when the sources give no upper bound.",
        "precision": "Shape of the interval: one day, one calendar month, one calendar year,\nany other range, or unknown (both bounds null).",
        "derivations": "The phrases and rules the interval is derived from; the interval is their intersection.",
    },
    "pakru.schema.dates.Derivation": {
        "rule": "The rule applied (see the list in pakru.schema.dates).",
        "source": "The source whose text contains ``quote``; its publication date anchors relative rules.",
        "quote": "The verbatim phrase the date is derived from.",
        "value": "For ``stated-*`` rules: the stated date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.",
        "weekday": "For ``weekday-before-publication``: the weekday named in the quote.",
        "anchor": "For ``*-record`` rules: the record whose date anchors this one.",
    },
    "pakru.schema.event.Event": {
        "type": "Record kind.",
        "title": "A descriptive title built from the sources' words.",
        "kind": "What sort of event this is.",
        "status": "``held`` for a past event, ``recurring`` for one the source says is regular, ``planned``.",
        "date": "When it happened, or began.",
        "location": "Where it happened.",
        "countries": "Countries taking part, as the sources state them.",
        "bodies": "Bodies involved (e.g. the SCO for an accession).",
        "same_as": "Records that may describe the same event but are kept apart because sources disagree.",
    },
    "pakru.schema.meeting.Meeting": {
        "type": "Record kind.",
        "title": "A descriptive title built from the sources' words.",
        "kind": "The format of the meeting.",
        "status": "``held`` when a source reports it took place; ``planned`` when only announced.",
        "date": "When it was (or is to be) held.",
        "location": "Where it was (or is to be) held.",
        "series": "The dialogue series (a body of kind ``dialogue-series``) it belongs to, if any.",
        "ordinal": 'Its number within the series ("7th meeting"), when a source gives it.',
        "announced_at": "For a planned meeting: the meeting at which it was announced.",
        "participants": "People and bodies taking part.",
        "topics": "What was discussed.",
        "outcomes": "What was agreed, stated or decided.",
        "agreements": "Agreement records reached at this meeting.",
        "same_as": "Records that may describe the same meeting but are kept apart because sources disagree.",
    },
    "pakru.schema.meeting.Participant": {
        "ref": "Id of a person or body record.",
        "role": 'The role in this meeting as a source describes it (e.g. "led the Pakistan side").',
        "side": "The delegation the participant belonged to, when a source says so.",
        "lead": "True when a source says this participant led a delegation.",
        "evidence": "Quotes naming the participant in this meeting.",
    },
    "pakru.schema.person.Person": {
        "type": "Record kind.",
        "name": "The fullest name form a source uses.",
        "aliases": 'Every other name form used in a source (e.g. "M.M. Popov").',
        "country": "The country the person serves, when the sources say so.",
        "titles": "Titles and posts, each with the date it is attested.",
    },
    "pakru.schema.person.Title": {
        "title": 'The title as the source gives it (e.g. "Deputy Foreign Minister").',
        "body": "The body (ministry, council) the post belongs to, when the source names it.",
        "attested": "When the source attests the title: the date of the event it reports.",
        "evidence": "Quotes giving the title.",
    },
    "pakru.schema.place.Location": {
        "city": "City, as a source names it.",
        "country": "Country (ISO 3166-1 alpha-2).",
        "venue": 'Building or institution (e.g. "Ministry of Foreign Affairs").',
    },
    "pakru.schema.recordbase.RecordBase": {
        "id": "Stable id of the record; equal to the file name without ``.yaml``.",
        "evidence": "Verbatim quotes that support this record's fields.",
        "note": "An editor's remark (why two mentions are one record, what is unclear). Never a fact.",
    },
    "pakru.schema.source.Source": {
        "type": "Record kind.",
        "file": "File name of the report's text under ``records/sources/text/``.",
        "title": "The headline as printed, or null when the text has none.",
        "publisher": "The publisher or outlet, when the text names one.",
        "author": "The byline, when the text gives one.",
        "published": "Publication date, when the text gives one; null means unknown.",
    },
}

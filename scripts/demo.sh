#!/usr/bin/env bash
# The main job: builds Transition and runs the demo on the embedded default log.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product transition >/dev/null
exec .build/release/transition demo "$@"

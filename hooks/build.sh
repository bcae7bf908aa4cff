#!/bin/sh
# The ASK CLI's custom build step: `ask deploy` runs {project root}/hooks/build.sh
# <zip to write> <debug> instead of its own npm build (ask-cli
# docs/concepts/Deploy-Command.md, "Code Builder"). It runs after the CLI has
# uploaded build/skill-package and before it deploys the CloudFormation stack.
# We bundle the Lambda again (so a deploy never ships a stale bundle), check that
# the skill package it uploaded was current, and zip build/lambda for upload.
set -e
cd "$(dirname "$0")/.."
npm run --silent package -- --zip "$1"

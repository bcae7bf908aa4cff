# The ASK CLI's custom build step on Windows: the same as hooks/build.sh.
# `ask deploy` calls it as: & 'hooks\build.ps1' '<zip to write>' <debug>
param([string]$OutFile, [bool]$DoDebug = $false)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
npm run --silent package -- --zip $OutFile
exit $LASTEXITCODE

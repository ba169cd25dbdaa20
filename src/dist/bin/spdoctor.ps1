# spdoctor @VERSION@ launcher for PowerShell. Arguments, piped input and the exit code pass through
# unchanged:  Get-Content err.txt | spdoctor diagnose
# Needs a Java 17 (or later) runtime: runtime\ beside bin\ (the runtime image), else JAVA_HOME,
# else java on the PATH. SPDOCTOR_JAVA_OPTS adds JVM options. Text goes in and out as UTF-8.
# On Java 19 or later, when lib\ is writable, the JVM keeps a class-data-sharing archive there
# (lib\spdoctor-auto.jsa) for faster start-up.
$appHome = Split-Path -Parent $PSScriptRoot
$lib = Join-Path $appHome 'lib'
$java = 'java'
if (Test-Path (Join-Path $appHome 'runtime\bin\java.exe')) {
  $java = Join-Path $appHome 'runtime\bin\java.exe'
} elseif ($env:JAVA_HOME) {
  $java = Join-Path $env:JAVA_HOME 'bin\java.exe'
}
$opts = @(@JVM_OPTIONS@)
if ($args.Count -gt 0 -and $args[0] -eq 'scan') { $opts += @(@JVM_OPTIONS_SCAN@) }
try {
  $probe = Join-Path $lib '.spdoctor-writable'
  [System.IO.File]::WriteAllText($probe, '')
  Remove-Item -LiteralPath $probe -ErrorAction SilentlyContinue
  $opts += @('-XX:+IgnoreUnrecognizedVMOptions', '-XX:+AutoCreateSharedArchive', "-XX:SharedArchiveFile=$(Join-Path $lib 'spdoctor-auto.jsa')")
} catch { }
$opts += @('-Dstdout.encoding=UTF-8', '-Dstderr.encoding=UTF-8', '-Dsun.stdout.encoding=UTF-8', '-Dsun.stderr.encoding=UTF-8')
$opts += @("-Dspdoctor.stdin.tty=$(if ($MyInvocation.ExpectingInput -or [Console]::IsInputRedirected) { 'false' } else { 'true' })")
if (-not [Console]::IsOutputRedirected) {
  $opts += @('-Dspdoctor.stdout.tty=true', "-Dspdoctor.columns=$($Host.UI.RawUI.WindowSize.Width)")
}
if ($env:SPDOCTOR_JAVA_OPTS) { $opts += @($env:SPDOCTOR_JAVA_OPTS -split '\s+' | Where-Object { $_ }) }
$opts += @('-jar', (Join-Path $lib 'spdoctor.jar'))

# Windows PowerShell (before 7.3) drops double quotes inside arguments to programs: escape them.
$passed = $args
if ($PSVersionTable.PSVersion -lt [version]'7.3') {
  $passed = @($args | ForEach-Object {
    $a = [string]$_
    if ($a -match '"') { $a = $a -replace '(\\*)"', '$1$1\"' }
    if ($a -match '\s' -and $a -match '\\+$') { $a = $a -replace '(\\+)$', '$1$1' }
    $a
  })
}

$oldOut = [Console]::OutputEncoding
$oldPipe = $OutputEncoding
$utf8 = New-Object System.Text.UTF8Encoding $false
[Console]::OutputEncoding = $utf8
$OutputEncoding = $utf8
try {
  if ($MyInvocation.ExpectingInput) {
    $input | & $java @opts @passed
  } else {
    & $java @opts @passed
  }
  $code = $LASTEXITCODE
} finally {
  [Console]::OutputEncoding = $oldOut
  $OutputEncoding = $oldPipe
}
exit $code

@echo off
rem spdoctor @VERSION@ launcher for cmd.exe. Arguments and the exit code pass through unchanged.
rem Needs a Java 17 (or later) runtime: runtime\ beside bin\ (the runtime image), else JAVA_HOME,
rem else java on the PATH. SPDOCTOR_JAVA_OPTS adds JVM options. Output is UTF-8 (code page 65001
rem while spdoctor runs). On Java 19 or later, when lib\ is writable, the JVM keeps a
rem class-data-sharing archive there (lib\spdoctor-auto.jsa) for faster start-up.
setlocal
set "APP_HOME=%~dp0.."
set "JAVA_EXE=java.exe"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%APP_HOME%\runtime\bin\java.exe" set "JAVA_EXE=%APP_HOME%\runtime\bin\java.exe"
set "CDS="
copy /y nul "%APP_HOME%\lib\.spdoctor-writable" >nul 2>&1 || goto run
del "%APP_HOME%\lib\.spdoctor-writable" >nul 2>&1
set CDS=-XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%APP_HOME%\lib\spdoctor-auto.jsa"
:run
set "SCAN_OPTS="
if /i "%~1"=="scan" set "SCAN_OPTS=@JVM_OPTIONS_SCAN@"
for /f "tokens=2 delims=:." %%c in ('chcp') do set "SPDOCTOR_OLD_CP=%%c"
chcp 65001 >nul 2>&1
"%JAVA_EXE%" @JVM_OPTIONS@ %SCAN_OPTS% %CDS% -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %SPDOCTOR_JAVA_OPTS% -jar "%APP_HOME%\lib\spdoctor.jar" %*
set "SPDOCTOR_RC=%ERRORLEVEL%"
if defined SPDOCTOR_OLD_CP chcp %SPDOCTOR_OLD_CP% >nul 2>&1
endlocal & exit /b %SPDOCTOR_RC%

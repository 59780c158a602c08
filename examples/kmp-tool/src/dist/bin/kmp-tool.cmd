@echo off
rem kmp-tool launcher for Windows: a JVM tuned for a short command-line run. On Java 19 and newer
rem it also keeps a class-data-sharing archive in %LOCALAPPDATA%\kmp-tool (older Javas ignore it).
setlocal
set "KMP_TOOL_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
set "CDS="
if not "%KMP_TOOL_CDS%"=="off" if defined LOCALAPPDATA (
  if not exist "%LOCALAPPDATA%\kmp-tool" mkdir "%LOCALAPPDATA%\kmp-tool"
  set "CDS=-XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=%LOCALAPPDATA%\kmp-tool\kmp-tool.jsa"
)
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData %CDS% %JAVA_OPTS% -jar "%KMP_TOOL_HOME%\lib\kmp-tool.jar" %*
exit /b %ERRORLEVEL%

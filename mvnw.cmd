@REM Maven wrapper for Windows: runs the Maven version pinned in .mvn\wrapper\maven-wrapper.properties,
@REM fetching it once into %USERPROFILE%\.m2\wrapper\dists (see mvnw for where it comes from).
@echo off
setlocal
set "BASE_DIR=%~dp0"
for /f "usebackq tokens=1,* delims==" %%a in ("%BASE_DIR%.mvn\wrapper\maven-wrapper.properties") do (
  if "%%a"=="mavenVersion" set "MVNW_VERSION=%%b"
  if "%%a"=="distributionSha256Sum" set "MVNW_SHA256=%%b"
)
if "%MAVEN_USER_HOME%"=="" set "MAVEN_USER_HOME=%USERPROFILE%\.m2"
set "DISTS=%MAVEN_USER_HOME%\wrapper\dists"
set "MAVEN_HOME_DIR=%DISTS%\apache-maven-%MVNW_VERSION%"
if exist "%MAVEN_HOME_DIR%\bin\mvn.cmd" goto run

set "ARCHIVE=apache-maven-%MVNW_VERSION%-bin.zip"
set "WORK=%TEMP%\mvnw-%RANDOM%"
mkdir "%WORK%"
if not "%MVNW_REPOURL%"=="" (
  powershell -NoProfile -Command "Invoke-WebRequest -UseBasicParsing -OutFile '%WORK%\%ARCHIVE%' '%MVNW_REPOURL%/org/apache/maven/apache-maven/%MVNW_VERSION%/%ARCHIVE%'" || goto fetchfailed
) else (
  where mvn >nul 2>nul || goto nomaven
  pushd "%WORK%"
  call mvn -q -B -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy "-Dartifact=org.apache.maven:apache-maven:%MVNW_VERSION%:zip:bin" "-DoutputDirectory=%WORK%" || (popd & goto fetchfailed)
  popd
)
if not exist "%DISTS%" mkdir "%DISTS%"
powershell -NoProfile -Command "Expand-Archive -Force '%WORK%\%ARCHIVE%' '%DISTS%'" || goto fetchfailed
rmdir /s /q "%WORK%"

:run
set "MAVEN_PROJECTBASEDIR=%BASE_DIR:~0,-1%"
"%MAVEN_HOME_DIR%\bin\mvn.cmd" %*
exit /b %ERRORLEVEL%

:nomaven
echo mvnw: Maven %MVNW_VERSION% is not installed yet. Set MVNW_REPOURL to the base URL of a Maven repository, or install any Maven 3. 1>&2
exit /b 1
:fetchfailed
echo mvnw: could not fetch Maven %MVNW_VERSION% 1>&2
exit /b 1

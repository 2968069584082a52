@REM natter.cmd: Natter's launcher for Windows. Builds with mvnw.cmd when the apps are not built yet, then
@REM runs one of them. "natter.cmd help" lists the commands; "natter.cmd build" rebuilds after a change.
@echo off
setlocal EnableDelayedExpansion
set "ROOT=%~dp0"
set "CMD=%~1"
if "%CMD%"=="" set "CMD=demo"
if not "%~1"=="" shift

set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
where "%JAVA%" >nul 2>nul || if not exist "%JAVA%" (
  echo natter: Java 17 or newer is needed: install a JDK or set JAVA_HOME. 1>&2
  exit /b 1
)

rem Everything after the command, passed on unchanged.
set "ARGS="
:collect
if "%~1"=="" goto dispatch
set ARGS=!ARGS! %1
shift
goto collect

:dispatch
if /i "%CMD%"=="server" call :ensure_built && call :run_app server-fx natter-server.jar org.natter.server.ServerMain & exit /b !ERRORLEVEL!
if /i "%CMD%"=="client" call :ensure_built && call :run_app client-fx natter-client.jar org.natter.client.ClientMain & exit /b !ERRORLEVEL!
if /i "%CMD%"=="bench" call :ensure_built && call :run_app server-fx natter-server.jar org.natter.bench.BenchMain & exit /b !ERRORLEVEL!
if /i "%CMD%"=="demo" call :ensure_built && "%JAVA%" "%ROOT%src-assets\launcher\Demo.java" "%ROOT%natter.cmd" & exit /b !ERRORLEVEL!
if /i "%CMD%"=="package" call :ensure_built && "%JAVA%" "%ROOT%src-assets\packaging\Package.java" "%ROOT%." & exit /b !ERRORLEVEL!
if /i "%CMD%"=="build" call :build & exit /b !ERRORLEVEL!
if /i "%CMD%"=="help" goto usage
if /i "%CMD%"=="--help" goto usage
if /i "%CMD%"=="-h" goto usage
echo natter: unknown command '%CMD%' 1>&2
call :usage
exit /b 2

:usage
echo Usage: natter.cmd [COMMAND [options]]     (no command: the demo)
echo.
echo Commands:
echo   demo                 the admin window with a running server and two chat windows (Ada and Linus)
echo   server [options]     the Natter Server admin window (--headless: console only; --help: all options)
echo   client [options]     the Natter chat client (--cli HOST[:PORT] NAME: terminal mode; --help: all options)
echo   bench [options]      load-test a server (alone: the standard matrix on a server of its own; --help)
echo   package              self-contained apps with their own Java and JavaFX, and archives of them, in dist\
echo   build                build everything now (skipping tests); run it after changing the sources
echo   help                 this text
echo.
echo The first run builds the project with mvnw.cmd, which needs Java 17 or newer (a full JDK for 'package').
exit /b 0

:ensure_built
if exist "%ROOT%server-fx\target\natter-server.jar" if exist "%ROOT%client-fx\target\natter-client.jar" exit /b 0
:build
echo natter: building (this takes a minute the first time) ... 1>&2
if exist "%ROOT%server-fx\target\lib" rmdir /s /q "%ROOT%server-fx\target\lib"
if exist "%ROOT%client-fx\target\lib" rmdir /s /q "%ROOT%client-fx\target\lib"
pushd "%ROOT%"
call mvnw.cmd -q -B -DskipTests package
set "RESULT=%ERRORLEVEL%"
popd
if not "%RESULT%"=="0" echo natter: the build failed; run "mvnw.cmd -DskipTests package" to see why. 1>&2
exit /b %RESULT%

:run_app
rem JavaFX on the module path, everything else on the class path, as ./natter does.
set "LIB=%ROOT%%1\target\lib"
set "MODULES="
set "CLASSES=%ROOT%%1\target\%2"
for %%f in ("%LIB%\*.jar") do (
  set "NAME=%%~nxf"
  if /i "!NAME:~0,7!"=="javafx-" (set "MODULES=!MODULES!;%%f") else (set "CLASSES=!CLASSES!;%%f")
)
set "OPTIONS="
for /f "usebackq eol=# delims=" %%o in ("%ROOT%src-assets\launcher\java-options") do set "OPTIONS=!OPTIONS! %%o"
set "APP=%1"
for /f "usebackq eol=# delims=" %%o in ("%ROOT%src-assets\launcher\!APP:-fx=!-java-options") do set "OPTIONS=!OPTIONS! %%o"
"%JAVA%" --module-path "!MODULES:~1!" !OPTIONS! %NATTER_JAVA_OPTIONS% -cp "!CLASSES!" %3 !ARGS!
exit /b %ERRORLEVEL%

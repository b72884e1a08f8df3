#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace steady::app {

// `line` split into words as a POSIX shell splits a simple command: blanks
// separate words; 'single quotes' keep everything; "double quotes" keep
// everything but \", \\, \$ and \` escapes; a backslash outside quotes keeps
// the next character. Nothing is expanded ($VAR, ~, globs stay as written).
// An unterminated quote or a trailing backslash is a UsageError naming `what`.
std::vector<std::string> split_command_line(std::string_view line, std::string_view what);

// The editor command of `env`: $VISUAL, else $EDITOR (the first one set and
// not blank), else "vi", split by split_command_line.
std::vector<std::string> editor_command(const std::map<std::string, std::string>& env);

// Runs `command` with `file` appended as its last argument, without a shell
// (posix_spawn; the program is looked up in `env`'s PATH unless it names a
// path), with the environment `env` and this process's standard streams,
// and waits for it. Returns its exit status (128 + N when killed by signal
// N). A program that cannot be started is a DataError.
int run_editor(const std::vector<std::string>& command, const std::filesystem::path& file,
               const std::map<std::string, std::string>& env);

} // namespace steady::app

#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace steady::app {

// What a program run by run_program did.
struct ProgramResult {
    bool started = false; // false: not found or not executable (`problem` says why)
    std::string problem;
    int exit_code = 0; // its exit status, or 128 + the signal that ended it
    std::string out;   // its stdout
    std::string err;   // its stderr
};

// Runs `argv` directly, never through a shell: `argv[0]` is looked up on the
// PATH of `env` unless it holds a '/', the program gets `env` as its
// environment, `input` on its stdin (closed after it), and its stdout and
// stderr are collected until it exits. A program that stops reading early
// is not an error here: SIGPIPE is ignored while steady writes and the rest
// of `input` is dropped. `argv` must not be empty.
ProgramResult run_program(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env, std::string_view input);

// `argv` with each "{key}" of `values` replaced by its value in every
// argument, once, without interpreting the result: a value holding "{name}"
// or shell characters stays as it is. Other braces are left alone.
std::vector<std::string> expand_command(const std::vector<std::string>& argv,
                                        const std::map<std::string, std::string>& values);

// `argv` as one line for messages: arguments joined by spaces.
std::string command_line(const std::vector<std::string>& argv);

} // namespace steady::app

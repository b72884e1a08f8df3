#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace steady::app {

// The process's world as a command sees it: streams, whether they are
// terminals, and the environment. Tests build one; main() builds the real one.
struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool in_tty = false;
    bool out_tty = false;
    std::map<std::string, std::string> env;
};

// Runs steady with `args` (without the program name) and returns the exit
// code of SPEC §9. Never throws.
int run(const std::vector<std::string>& args, Io& io);

// The real process: argv, std streams, isatty, environ.
int run(int argc, char** argv);

}  // namespace steady::app

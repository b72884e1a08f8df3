#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <stdlib.h>

int main(int argc, char* argv[])
{
    // A GLib critical warning (GMime or gpgme, in the mail module steady
    // loads, given a null or wrong argument) aborts the test that caused it,
    // rather than scrolling past on stderr. Set before the module, and with
    // it GLib, is loaded; a G_DEBUG given by whoever runs the tests wins.
    setenv("G_DEBUG", "fatal-criticals", 0);
    return Catch::Session().run(argc, argv);
}

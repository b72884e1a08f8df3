#include "app/run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/context.hpp"
#include "base/error.hpp"

extern char** environ;

namespace steady::app {

namespace {

void add_global_options(CLI::App& app, GlobalOptions& options)
{
    app.add_option("--db", options.db,
                   "Journal file (default: $STEADY_DB, config 'journal', "
                   "$XDG_DATA_HOME/steady/journal.db)")
        ->type_name("PATH");
    app.add_option("--config", options.config,
                   "Config file (default: $STEADY_CONFIG, $XDG_CONFIG_HOME/steady/config.toml)")
        ->type_name("PATH");
    app.add_flag("--json", options.json, "Machine-readable output");
    app.add_option("--color", options.color, "Colour: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("-q,--quiet", options.quiet, "Say only what was asked for");
    app.set_version_flag("--version", std::string("steady ") + STEADY_VERSION);
}

// The help hint for the subcommand being parsed, if any.
std::string help_hint(const CLI::App& app)
{
    auto subs = app.get_subcommands();
    if (subs.empty())
        return " (see 'steady --help')";
    return " (see 'steady " + subs.front()->get_name() + " --help')";
}

// CLI11's ExtrasError lists the stray words; `args` tells their order.
std::string extras_message(const CLI::App& app, const std::string& what,
                           const std::vector<std::string>& args)
{
    std::istringstream words(what.substr(what.find(':') + 1));
    std::vector<std::string> stray;
    for (std::string word; words >> word;)
        stray.push_back(word);
    std::vector<std::string> extras;
    for (const auto& arg : args)
        if (std::find(stray.begin(), stray.end(), arg) != stray.end())
            extras.push_back(arg);
    if (extras.empty())
        return what + help_hint(app);
    if (app.get_subcommands().empty() && extras.front()[0] != '-')
        return "unknown command '" + extras.front() + "'" + help_hint(app);
    for (const auto& word : extras)
        if (word.size() > 1 && word[0] == '-')
            return "unknown flag '" + word + "'" + help_hint(app);
    return "unexpected argument '" + extras.front() + "'" + help_hint(app);
}

// CLI11's own messages, made to read like ours.
std::string usage_message(const CLI::App& app, const CLI::ParseError& e,
                          const std::vector<std::string>& args)
{
    std::string what = e.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr)
        return extras_message(app, what, args);
    // "Could not convert: --limit = abc" (a number, or a flag given =maybe).
    constexpr std::string_view k_convert = "Could not convert: ";
    if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr && what.starts_with(k_convert)) {
        auto rest = what.substr(k_convert.size());
        auto eq = rest.find(" = ");
        if (eq != std::string::npos)
            return "'" + rest.substr(eq + 3) + "' is not a value " + rest.substr(0, eq) + " takes" +
                   help_hint(app);
    }
    bool acronym = what.size() > 1 && std::isupper(static_cast<unsigned char>(what[1]));
    if (!what.empty() && !acronym)
        what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    return what + help_hint(app);
}

// CLI11 would answer "steady nosuch --help" with the main help and exit 0;
// a mistyped command must be an error whatever follows it.
void check_command_word(const CLI::App& app, const std::vector<std::string>& args)
{
    // "steady -- checkin …" would otherwise show the dashboard and drop the
    // words: "--" ends the options, and steady itself takes no arguments.
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" || args[i] == "--config" || args[i] == "--color") {
            ++i;
            continue;
        }
        if (args[i] == "--" && i + 1 < args.size())
            throw UsageError("unexpected argument '" + args[i + 1] +
                             "' after '--' (see 'steady --help')");
        if (args[i].empty() || args[i][0] != '-')
            break;
    }
    if (args.empty() || args.front().empty() || args.front()[0] == '-')
        return;
    for (const auto* sub : app.get_subcommands({}))
        if (sub->check_name(args.front()))
            return;
    throw UsageError("unknown command '" + args.front() + "' (see 'steady --help')");
}

bool names_command(const Command& command, std::string_view word)
{
    std::string_view names = command.names;
    while (!names.empty()) {
        auto space = names.find(' ');
        if (names.substr(0, space) == word)
            return true;
        names = space == std::string_view::npos ? std::string_view{} : names.substr(space + 1);
    }
    return false;
}

// The commands a run needs. Building CLI11's tree for all of them costs
// more than many commands do, so a run whose first word names a command
// gets only that one; the dashboard and --version get none. Help without a
// command, an unknown word and the completion helper get them all, so help
// and errors read as before.
std::vector<const Command*> commands_for(const std::vector<std::string>& args)
{
    std::vector<const Command*> all;
    all.reserve(k_commands.size());
    for (const auto& command : k_commands)
        all.push_back(&command);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (arg == "--")
            return all;
        if (arg == "--db" || arg == "--config" || arg == "--color") {
            ++i; // its value
            continue;
        }
        if (arg == "-h" || arg == "--help" || arg == "--help-all")
            return all;
        if (arg.size() > 2 && arg[0] == '-' && arg[1] != '-')
            return all; // short flags run together, "-qh": CLI11 splits them
        if (!arg.empty() && arg[0] == '-')
            continue;
        for (const auto* command : all)
            if (names_command(*command, arg) && command->names != "_complete")
                return {command};
        return all;
    }
    return {};
}

// True when the run was `steady prompt`, which never fails loudly.
bool is_prompt(CLI::App& app)
{
    auto subs = app.get_subcommands();
    return !subs.empty() && subs.front()->get_name() == "prompt";
}

int run_parsed(CLI::App& app, Context& ctx, const std::vector<std::string>& args)
{
    check_command_word(app, args);
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
    if (app.get_subcommands().empty())
        run_dashboard(ctx);
    return ctx.exit_code();
}

} // namespace

int run(const std::vector<std::string>& args, Io& io)
{
    GlobalOptions options;
    Context ctx(io, options);
    CLI::App app{"steady: a private, scriptable recovery journal", "steady"};
    app.require_subcommand(0, 1);
    app.fallthrough();
    add_global_options(app, options);
    for (const auto* command : commands_for(args))
        command->add(app, ctx);
    // Read the config before any command runs, so a missing --config file or
    // a broken one is the same error whatever the command would have needed;
    // prompt and completion stay silent and read it only if they must;
    // doctor reads it itself, to report a broken config and go on; sos
    // shows what it can whatever the config holds.
    app.parse_complete_callback([&app, &ctx] {
        auto subs = app.get_subcommands();
        if (subs.empty() ||
            (subs.front()->get_name() != "prompt" && subs.front()->get_name() != "_complete" &&
             subs.front()->get_name() != "doctor" && subs.front()->get_name() != "sos"))
            ctx.config();
    });
    try {
        int code = run_parsed(app, ctx, args);
        errno = 0;
        io.out.flush();
        if (!io.out && !is_prompt(app)) {
            // A full disk or a closed pipe: a script must not take silence
            // for the answer. (What was saved stays saved.)
            std::string why = errno != 0 ? std::string(": ") + std::strerror(errno) : "";
            io.err << "steady: cannot write the output" << why << '\n';
            return 74;
        }
        return code;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0)
            return app.exit(e, io.out, io.err);
        io.err << "steady: " << usage_message(app, e, args) << '\n';
        return 64;
    } catch (const Error& e) {
        io.out.flush();
        io.err << "steady: " << e.what() << '\n';
        return e.exit_code();
    } catch (const std::exception& e) {
        io.err << "steady: internal error: " << e.what() << " (this is a bug; please report it)\n";
        return 70;
    }
}

int run(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    Io io{std::cin, std::cout, std::cerr, ::isatty(0) == 1, ::isatty(1) == 1, {}};
    for (char** e = environ; e && *e; ++e) {
        std::string entry = *e;
        auto eq = entry.find('=');
        if (eq != std::string::npos)
            io.env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    return run(args, io);
}

} // namespace steady::app

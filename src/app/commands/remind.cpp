#include <exception>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/remind.hpp"
#include "app/spawn.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::app {

namespace {

struct RemindOptions {
    bool notify = false;
};

void write_remind_json(Context& ctx, const std::vector<DueItem>& items)
{
    domain::JsonWriter json(ctx.out().stream());
    json.begin_object();
    json.key("today").value(timeutil::format_day(ctx.time().today()));
    json.key("items").begin_array();
    for (const auto& item : items) {
        json.begin_object();
        json.key("kind").value(item.kind);
        json.key("message").value(item.message);
        item.fields(json);
        json.end_object();
    }
    json.end_array().end_object();
}

// Runs remind.notify_command with {message} replaced by `message` (none
// configured: nothing to run); a notifier not found or failing is a
// DeliveryError with what it said.
void run_notifier(Context& ctx, const std::string& message)
{
    const auto& notifier = ctx.config().remind_notify_command;
    if (notifier.empty())
        return;
    auto command = expand_command(notifier, {{"message", message}});
    auto result = run_program(command, ctx.io().env, "");
    if (result.started && result.exit_code == 0)
        return;
    std::string why = !result.started ? result.problem
                                      : "'" + command_line(command) + "' exited with status " +
                                            std::to_string(result.exit_code);
    std::string text = "could not notify: " + why + " (see remind.notify_command in the config)";
    auto said = domain::trim(result.err);
    if (!said.empty())
        text += "\n" + std::string(said.substr(0, 4000));
    throw DeliveryError(text);
}

// Runs the notifier with every line of `items`. Its failure becomes `error`,
// or, when there is one already, is printed as well.
void notify_remind_items(Context& ctx, const std::vector<DueItem>& items, std::exception_ptr& error)
{
    std::string message;
    for (const auto& item : items)
        message += (message.empty() ? "" : "\n") + item.message;
    try {
        run_notifier(ctx, message);
    } catch (const Error& e) {
        if (!error)
            error = std::current_exception();
        else
            ctx.io().err << "steady: " << e.what() << '\n';
    }
}

void run_remind(const RemindOptions& opt, Context& ctx)
{
    auto items = collect_due(ctx);
    std::exception_ptr error;
    if (opt.notify) {
        try {
            std::vector<std::string> failed;
            auto alerts = send_due_alerts(ctx, failed);
            items.insert(items.end(), alerts.begin(), alerts.end());
            if (!failed.empty())
                throw DeliveryError(domain::join(failed, "\n"));
        } catch (const Error&) {
            error = std::current_exception();
        }
    }
    if (ctx.options().json)
        write_remind_json(ctx, items);
    else
        for (const auto& item : items)
            ctx.out().stream() << item.message << '\n';
    ctx.out().stream().flush();
    if (opt.notify && !items.empty())
        notify_remind_items(ctx, items, error);
    if (error)
        std::rethrow_exception(error);
    if (!items.empty())
        ctx.set_exit_code(1);
}

} // namespace

void register_remind(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<RemindOptions>();
    auto* cmd = root.add_subcommand("remind", "What is due today, for cron: prints it and exits 1, "
                                              "or prints nothing and exits 0");
    cmd->add_flag("--notify", opt->notify,
                  "Also run remind.notify_command, and send partners' --alert-after notes");
    cmd->callback([opt, &ctx] { run_remind(*opt, ctx); });
}

} // namespace steady::app

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/commands/plan.hpp"
#include "app/editor.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/plan.hpp"

namespace fs = std::filesystem;

namespace steady::app {

namespace {

// A private folder (0700) for the file the editor opens, removed with it.
class PlanEditFolder {
  public:
    explicit PlanEditFolder(const char* tmpdir)
    {
        std::string base = tmpdir && *tmpdir == '/' ? tmpdir : "/tmp";
        std::string pattern = base + "/steady-plan.XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr)
            throw CannotCreateError("cannot make a temporary folder in '" + base +
                                    "' for the plan: " + std::strerror(errno));
        m_path = pattern;
    }
    ~PlanEditFolder()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    PlanEditFolder(const PlanEditFolder&) = delete;
    PlanEditFolder& operator=(const PlanEditFolder&) = delete;
    fs::path file() const { return m_path / "plan.md"; }

  private:
    fs::path m_path;
};

// The file's bytes and when it was last modified (to the nanosecond).
struct PlanFileState {
    std::string bytes;
    timespec modified{};
    bool operator==(const PlanFileState& other) const
    {
        return bytes == other.bytes && modified.tv_sec == other.modified.tv_sec &&
               modified.tv_nsec == other.modified.tv_nsec;
    }
};

PlanFileState plan_file_state(const fs::path& file)
{
    PlanFileState state;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    state.bytes = bytes.str();
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0)
        state.modified = st.st_mtim;
    return state;
}

PlanFileState write_plan_file(const fs::path& file, const std::string& text)
{
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush())
            throw CannotCreateError("cannot write '" + file.string() + "' for the editor");
    }
    return plan_file_state(file);
}

bool same_plan(const std::vector<domain::PlanItem>& items,
               const std::vector<domain::PlanDraftItem>& draft)
{
    if (items.size() != draft.size())
        return false;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].section != draft[i].section || items[i].text != draft[i].text)
            return false;
    return true;
}

// On a terminal: whether the person wants the editor again after `error`.
bool plan_edit_again(Context& ctx, const std::string& error)
{
    auto& io = ctx.io();
    io.err << "steady: " << error << "\n"
           << "Press Enter to fix it in the editor, or type q and Enter to leave the plan "
              "as it was: "
           << std::flush;
    std::string answer;
    if (!std::getline(io.in, answer))
        return false;
    auto word = domain::to_lower(domain::trim(answer));
    return word != "q" && word != "quit";
}

// The edited plan, or nullopt when there is nothing to save.
std::optional<std::vector<domain::PlanDraftItem>>
edit_plan_text(Context& ctx, const std::vector<domain::PlanItem>& items)
{
    auto command = editor_command(ctx.io().env);
    PlanEditFolder folder(ctx.env("TMPDIR"));
    auto file = folder.file();
    std::string text = domain::render_plan_text(items);
    for (;;) {
        auto written = write_plan_file(file, text);
        int status = run_editor(command, file, ctx.io().env);
        if (status != 0)
            throw DataError("the editor '" + command[0] + "' failed (exit status " +
                            std::to_string(status) + "); the plan is unchanged");
        auto saved = plan_file_state(file);
        if (saved == written) {
            ctx.out().say("Not saved: the plan is unchanged.");
            return std::nullopt;
        }
        if (domain::trim(saved.bytes).empty()) {
            ctx.out().say("The file was empty: the plan is unchanged.");
            return std::nullopt;
        }
        try {
            return domain::parse_plan_text(saved.bytes);
        } catch (const DataError& e) {
            std::string error = std::string("the plan: ") + e.what();
            if (!ctx.io().in_tty || !plan_edit_again(ctx, error))
                throw DataError(error + "; the plan is unchanged");
            text = saved.bytes;
        }
    }
}

} // namespace

void run_plan_edit(Context& ctx)
{
    auto items = read_plan(ctx);
    auto draft = edit_plan_text(ctx, items);
    if (!draft)
        return;
    if (same_plan(items, *draft)) {
        ctx.out().say("No changes: the plan is unchanged.");
        return;
    }
    auto& journal = ctx.journal_for_write();
    std::vector<domain::PlanItem> saved;
    journal.write("save the plan", [&] {
        store::replace_plan(journal, *draft, ctx.time().now);
        saved = store::list_plan(journal);
    });
    if (ctx.options().json)
        return print_plan(ctx, saved);
    ctx.out().say("Saved the plan (" + std::to_string(saved.size()) +
                  (saved.size() == 1 ? " item" : " items") +
                  "). 'steady undo' brings back the one before.");
}

} // namespace steady::app

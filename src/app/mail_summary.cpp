#include "app/mail_summary.hpp"

#include "app/mail.hpp"
#include "base/error.hpp"

namespace steady::app {

std::string summary_json_from_email(std::string_view bytes, const std::string& file)
{
    auto found = find_summary_attachment(bytes);
    if (!found.json)
        throw DataError("'" + file + "' is not a steady summary: " + found.why_not);
    return std::move(*found.json);
}

} // namespace steady::app

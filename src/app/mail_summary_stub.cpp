#include "app/mail_summary.hpp"

#include "base/error.hpp"

namespace steady::app {

std::string summary_json_from_email(std::string_view, const std::string& file)
{
    throw DataError("'" + file +
                    "' is an email; reading emails needs steady's mail module, which this "
                    "build lacks (save the attached steady-summary .json and import that)");
}

} // namespace steady::app

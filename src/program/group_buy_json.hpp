#pragma once
// The JSON form of a group-buy campaign (an entry of the program document's
// "group_buy.campaigns", and the text sc_engine_group_campaign_put takes). Strict like
// every section (docs/group-buy.md, "Campaigns").
#include "groupbuy/group_campaign.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

// `prefix` ends with '.' (or is empty): "group_buy.campaigns[0]." Checks the JSON's shape;
// validate_group_campaign checks the values.
GroupCampaign parse_group_campaign_json(const nlohmann::json& obj, const std::string& prefix);

// Every field, in a fixed order; optional ones only when set.
nlohmann::ordered_json group_campaign_json(const GroupCampaign& campaign);

}  // namespace sc

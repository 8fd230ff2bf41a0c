/// Three-digit mobile prefixes no carrier issues to people: a number starting with one is a typing
/// mistake or a machine's data-only SIM, never a customer to call back.
///
/// Source: MIIT numbering plan for public telecom networks (《电信网编号计划》, 2017 edition) and the
/// carriers' published number segments as of 2024: 140–144 and 146, 148 are IoT/data-only blocks
/// (物联网/数据卡), 149 is a data-card block; 154, 160, 161, 163, 164, 168, 169, 174 (satellite and
/// emergency, not public mobile), 179 and 194 are unassigned. Update this list, not the validator,
/// when the ministry assigns one of them.
public enum MobilePrefixes {
    public static let notIssued: Set<String> = [
        "140", "141", "142", "143", "144", "146", "148", "149", "154", "160", "161", "163", "164", "168", "169",
        "174", "179", "194",
    ]
}

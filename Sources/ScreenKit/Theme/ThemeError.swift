/// Why a theme could not be used, with the file and (for content problems) the line.
/// `description` is English; `descriptionZhHans` says the same in Simplified Chinese.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case unknownColor(String)
        case colorOutOfRange(String)
        case duplicateColorForm(String)
        case unknownAttribute(String)
        case unknownSetting(String)
        case duplicateSetting(String)
        case missingValue(String)
        case invalidRoleName(String)
        case duplicateRole(String, firstLine: Int)
        case roleWithoutSettings(String)
        case invalidDirective(String)
        case notFound(searched: [String])
        case unreadable(String)
        case notUTF8
        case tooLarge(bytes: Int)
    }

    public var file: String
    /// 1-based line number, nil for problems with the whole file.
    public var line: Int?
    public var problem: Problem

    public init(file: String, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    private var location: String { line.map { "\(file):\($0)" } ?? file }

    static let colorForms = "default, a color name (black red green yellow blue magenta cyan white, or bright-red …), "
        + "a number 0-255, or #rrggbb; alternatives separated by '/', e.g. #ffd75f/221/yellow"
    static let colorFormsZh = "default、颜色名（black red green yellow blue magenta cyan white，或 bright-red 等）、"
        + "0-255 的数字或 #rrggbb；多个备选用 '/' 分隔，例如 #ffd75f/221/yellow"
    static let attributeList = "bold, underline, reverse, dim, blink, none"

    public var description: String {
        let what: String
        switch problem {
        case .unknownColor(let s): what = "unknown color '\(s)' (use \(Self.colorForms))"
        case .colorOutOfRange(let s): what = "color number '\(s)' is out of range (use 0-255)"
        case .duplicateColorForm(let s): what = "color '\(s)' gives the same kind of alternative twice (one #rrggbb, one 0-255, one name)"
        case .unknownAttribute(let s): what = "unknown attribute '\(s)' (use \(Self.attributeList))"
        case .unknownSetting(let s): what = "unknown setting '\(s)' (use fg=, bg=, mono= or an attribute: \(Self.attributeList))"
        case .duplicateSetting(let s): what = "'\(s)' is given twice on this line"
        case .missingValue(let s): what = "'\(s)=' needs a value"
        case .invalidRoleName(let s): what = "'\(s)' is not a role name (letters, digits, '-' and '_', parts joined by '.')"
        case .duplicateRole(let s, let first): what = "role '\(s)' is already defined on line \(first)"
        case .roleWithoutSettings(let s): what = "role '\(s)' has no settings (add fg=, bg=, attributes or mono=)"
        case .invalidDirective(let s): what = "unknown directive '\(s)' (only '@name Your Theme Name')"
        case .notFound(let searched):
            what = searched.isEmpty ? "theme file not found" : "theme not found (looked in: \(searched.joined(separator: ", ")))"
        case .unreadable(let reason): what = "cannot read theme file: \(reason)"
        case .notUTF8: what = "theme file is not UTF-8 text"
        case .tooLarge(let bytes): what = "theme file is too large (\(bytes) bytes; at most \(ThemeParser.maximumBytes))"
        }
        return "\(location): \(what)"
    }

    public var descriptionZhHans: String {
        let what: String
        switch problem {
        case .unknownColor(let s): what = "未知颜色 '\(s)'（可用：\(Self.colorFormsZh)）"
        case .colorOutOfRange(let s): what = "颜色编号 '\(s)' 超出范围（应为 0-255）"
        case .duplicateColorForm(let s): what = "颜色 '\(s)' 中同一种写法出现了两次（#rrggbb、0-255、颜色名各最多一个）"
        case .unknownAttribute(let s): what = "未知属性 '\(s)'（可用：\(Self.attributeList)）"
        case .unknownSetting(let s): what = "未知设置 '\(s)'（可用：fg=、bg=、mono= 或属性 \(Self.attributeList)）"
        case .duplicateSetting(let s): what = "本行 '\(s)' 出现了两次"
        case .missingValue(let s): what = "'\(s)=' 缺少取值"
        case .invalidRoleName(let s): what = "'\(s)' 不是有效的角色名（字母、数字、'-'、'_'，各段用 '.' 连接）"
        case .duplicateRole(let s, let first): what = "角色 '\(s)' 已在第 \(first) 行定义"
        case .roleWithoutSettings(let s): what = "角色 '\(s)' 没有任何设置（请加 fg=、bg=、属性或 mono=）"
        case .invalidDirective(let s): what = "未知指令 '\(s)'（只支持 '@name 主题名'）"
        case .notFound(let searched):
            what = searched.isEmpty ? "找不到主题文件" : "找不到主题（已查找：\(searched.joined(separator: "、"))）"
        case .unreadable(let reason): what = "无法读取主题文件：\(reason)"
        case .notUTF8: what = "主题文件不是 UTF-8 文本"
        case .tooLarge(let bytes): what = "主题文件过大（\(bytes) 字节；最多 \(ThemeParser.maximumBytes)）"
        }
        return "\(location)：\(what)"
    }
}

/// The two languages the shop reads. The domain speaks both so that a validation
/// message can reach a clerk (console) or a manager (command line) unchanged.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zhHans = "zh-Hans"
    case en

    /// `zh_CN.UTF-8`, `zh_TW`, `zh` give Chinese; everything else English.
    public static func fromLocale(_ identifier: String?) -> Language {
        guard let id = identifier?.lowercased(), !id.isEmpty else { return .en }
        return id.hasPrefix("zh") ? .zhHans : .en
    }
}

/// A sentence in both languages.
public struct Message: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let zh: String
    public let en: String
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
    public func text(_ language: Language) -> String { language == .zhHans ? zh : en }
    public var description: String { en }
}

/// An error a user can act on: it carries its own bilingual sentence.
public protocol UserFacingError: Error, Sendable {
    var message: Message { get }
}

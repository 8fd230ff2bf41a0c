import Foundation
import ServiceDomain

/// Reads the JSON detail of an audit row into field changes, masking phone numbers on the way:
/// the trail keeps full values, the screen never shows them.
public enum AuditDetail {
    /// Inserts store `{"column": value}`, updates `{"column": {"old": …, "new": …}}`. Fields sorted by name;
    /// a detail that is not a JSON object becomes one `detail` field holding the (masked) text.
    /// `names` (`"owner_id=15"` → `"李娜"`) replaces ids with what the shop calls the record; an id
    /// whose record is gone stays as `#15`.
    public static func changes(fromJSON json: String, names: [String: String]) -> [AuditChange] {
        changes(fromJSON: json).map { change in
            guard change.field.hasSuffix("_id") else { return change }
            func named(_ value: String) -> String {
                guard value != "-" else { return value }
                return names["\(change.field)=\(value)"].map { maskPhones(in: FreeText.sanitize($0)) } ?? "#\(value)"
            }
            return AuditChange(field: change.field, old: change.old.map(named), new: named(change.new))
        }
    }

    public static func changes(fromJSON json: String) -> [AuditChange] {
        guard let data = json.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? [String: Any] else {
            return json.isEmpty || json == "{}" ? [] : [AuditChange(field: "detail", old: nil, new: maskPhones(in: json))]
        }
        return object.keys.sorted().map { key in
            let value = object[key]
            if let pair = value as? [String: Any], pair.count == 2, pair.keys.contains("old"), pair.keys.contains("new") {
                return AuditChange(field: key, old: shown(pair["old"], field: key), new: shown(pair["new"], field: key))
            }
            return AuditChange(field: key, old: nil, new: shown(value, field: key))
        }
    }

    /// One value as text: null shows as `-`; phones masked.
    static func shown(_ value: Any?, field: String) -> String {
        let text: String
        switch value {
        case nil, is NSNull: return "-"
        case let s as String: text = s
        case let n as NSNumber: text = n.stringValue
        case let other?:
            if let data = try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys]) {
                text = String(decoding: data, as: UTF8.self)
            } else {
                text = "\(other)"
            }
        }
        if field.lowercased().contains("phone") {
            return text.split(separator: ";", omittingEmptySubsequences: false)
                .map { PhoneNumber.masked(String($0)) }.joined(separator: ";")
        }
        return maskPhones(in: text)
    }

    /// Masks every run of 11 ASCII digits starting with 1 (a mainland mobile number) inside free text,
    /// such as a note that quotes a phone.
    public static func maskPhones(in text: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            if run.count == 11, run.first == "1" { result += PhoneNumber.masked(run) } else { result += run }
            run = ""
        }
        for c in text {
            if c.isASCII, c.isNumber { run.append(c) } else {
                flush()
                result.append(c)
            }
        }
        flush()
        return result
    }

    /// The changes on one line, for the list: `stage: 维修中 → 质检; note: …` (the version counter left out).
    public static func summary(_ changes: [AuditChange], entity: String = "", language: Language = .en) -> String {
        changes.filter { $0.field != "version" }.map { line($0, entity: entity, language: language) }.joined(separator: "; ")
    }

    /// `车主 张伟 → 李娜`, or `field value` for an insert: field names from the catalog, stage values and
    /// yes/no in the shop's words.
    public static func line(_ change: AuditChange, entity: String = "", language: Language) -> String {
        let label = AuditStrings.field(change.field, entity: entity).text(language)
        let new = readable(change.new, field: change.field, language: language)
        if let old = change.old {
            return "\(label) \(readable(old, field: change.field, language: language)) → \(new)"
        }
        return "\(label) \(new)"
    }

    static func readable(_ value: String, field: String, language: Language) -> String {
        if field == "stage" || field == "from_stage" || field == "to_stage", let stage = ROStage(rawValue: value) {
            return stage.label.text(language)
        }
        if field == "passed" || field.hasPrefix("is_") {
            if value == "1" { return AuditStrings.yes.text(language) }
            if value == "0" { return AuditStrings.no.text(language) }
        }
        return value
    }
}

import Foundation
import TestSupport
import Testing
@testable import ServiceDomain

/// Every validator a form field goes through, fed the whole hostile corpus: each input is either
/// accepted as terminal-safe text of a sane length or refused with a bilingual message that is itself
/// safe to draw. Nothing crashes.
struct HostileInputTests {
    /// A form field's validator: returns the text that would be stored.
    typealias FieldCheck = (name: String, maxLength: Int, check: @Sendable (String) throws -> [String])

    static let fields: [FieldCheck] = [
        ("notes", 500, { [try FreeText.clean($0, field: .notes, maxLength: 500)] }),
        ("concern", 500, { [try FreeText.clean($0, field: .concern, maxLength: 500, required: true)] }),
        ("name", 40, { [try PersonName.validate($0)] }),
        ("phone", 20, { [try PhoneNumber.validate($0)] }),
        ("plate", 12, { [try Plate.validate($0)] }),
        ("vin", 17, { [try VIN.validate($0)] }),
        ("customer", 500, { text in
            let c = try CustomerRules.validated(Customer(name: text, phones: [text], preferredCallTime: text, notes: text))
            // Notes keep their line breaks and are drawn line by line: each line must be safe.
            return [c.name, c.preferredCallTime] + c.notes.split(separator: "\n").map(String.init) + c.phones
        }),
        ("customer-notes", 500, { text in
            let c = try CustomerRules.validated(Customer(name: "王芳", phones: ["13800138000"], notes: text))
            return c.notes.split(separator: "\n").map(String.init)
        }),
        ("vehicle", 40, { text in
            let v = try VehicleRules.validated(Vehicle(ownerID: 1, vin: text, plate: text, model: text))
            return [v.plate, v.model, v.vin ?? ""]
        }),
        ("vehicle-model", 40, { text in
            [try VehicleRules.validated(Vehicle(ownerID: 1, vin: nil, plate: "京A12345", model: text)).model]
        }),
        ("pin", 8, { try PINRule.validate($0); return [$0] }),
    ]

    @Test func corpusIsBigAndVaried() {
        #expect(HostileCorpus.all.count >= 90)
        #expect(Set(HostileCorpus.all).count == HostileCorpus.all.count, "duplicates in the corpus")
    }

    @Test func everyFieldRefusesOrStoresSafeText() {
        var tried = 0
        var refused = 0
        for field in Self.fields {
            for input in HostileCorpus.all {
                tried += 1
                do {
                    for stored in try field.check(input) {
                        #expect(HostileCorpus.isTerminalSafe(stored), "\(field.name) stored unsafe text from \(input.debugDescription.prefix(60))")
                        #expect(stored.count <= field.maxLength, "\(field.name) stored \(stored.count) characters")
                        #expect(stored == stored.trimmingCharacters(in: .whitespacesAndNewlines))
                    }
                } catch let error as UserFacingError {
                    refused += 1
                    for text in [error.message.zh, error.message.en] {
                        #expect(!text.isEmpty)
                        #expect(HostileCorpus.isTerminalSafe(text), "\(field.name) message echoes unsafe text: \(text.debugDescription.prefix(120))")
                        #expect(text.count < 400, "\(field.name) message echoes too much: \(text.count) characters")
                    }
                } catch {
                    Issue.record("\(field.name) threw a non-user-facing error \(error) for \(input.debugDescription.prefix(60))")
                }
            }
        }
        #expect(refused > 0 && refused < tried)
        FileHandle.standardError.write(Data("[robustness] hostile: \(HostileCorpus.all.count) inputs × \(Self.fields.count) domain fields = \(tried) tries, \(refused) refused with a message\n".utf8))
    }

    @Test func escapeSequencesNeverSurviveSanitizing() {
        for input in HostileCorpus.escapeSequences + HostileCorpus.controlCharacters {
            let clean = FreeText.sanitize(input)
            #expect(HostileCorpus.isTerminalSafe(clean))
            #expect(!clean.contains("PWNED") && !clean.contains("cHduZWQ"), "an OSC payload leaked: \(clean)")
        }
    }

    @Test func impossibleDatesAndNumbersAreNotParsed() {
        for input in HostileCorpus.impossibleDates {
            #expect(RONumber.parse(input) == nil)
        }
        #expect(Role.parse("'; DROP TABLE staff; --") == nil)
    }
}

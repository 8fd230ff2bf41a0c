import Testing
@testable import ServiceDomain

/// Runs `body`, expecting a `ValidationError`; returns it so the test can read field and message.
func validationError(_ body: () throws -> Any) -> ValidationError? {
    do {
        let value = try body()
        Issue.record("expected a ValidationError, got \(value)")
        return nil
    } catch let error as ValidationError {
        return error
    } catch {
        Issue.record("expected a ValidationError, got \(error)")
        return nil
    }
}

extension ValidationError {
    /// True when both languages mention `fragment` (numbers, characters, examples).
    func mentions(_ fragment: String) -> Bool {
        message.zh.contains(fragment) && message.en.contains(fragment)
    }
}

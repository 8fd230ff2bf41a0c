import ConsoleCore
import Foundation
import ScreenKit
import Testing

/// Applies `action` to `state` and checks the WHOLE new state and the effects: `change` describes every field
/// the action may touch, applied to a copy of the state before; any other difference fails, naming the
/// top-level fields that differ (TCA's `TestStore` exhaustivity, without the dependency).
///
///     assertReduce(&s, .keyPressed(.character("v"))) { $0.followUp.tab = .complaints }
func assertReduce(_ state: inout AppState, _ action: Action, effects expected: [Effect] = [],
                  sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout AppState) -> Void = { _ in }) {
    var expectedState = state
    // A key clears the status line first, as the reducer does; the closure sets it again when the action says something.
    if case .keyPressed(let key) = action, key != .resize, expectedState.status != nil { expectedState.status = nil }
    change(&expectedState)
    let effects = reduce(&state, action)
    #expect(effects == expected, "effects of \(action)", sourceLocation: sourceLocation)
    // `statusRevision` counts writes of the status line (a nil written over nil too): bookkeeping for the
    // status timer, not something the user sees; the status itself is compared.
    let differences = differingFields(state, expectedState).filter { $0 != "statusRevision" }
    if !differences.isEmpty {
        Issue.record("state after \(action) differs in: \(differences.joined(separator: ", "))", sourceLocation: sourceLocation)
    }
}

/// The names of the (nested, up to two levels) fields that differ: "followUp.tab", "status".
func differingFields(_ a: AppState, _ b: AppState) -> [String] {
    func diff(_ x: Any, _ y: Any, _ path: String, depth: Int) -> [String] {
        let mx = Mirror(reflecting: x), my = Mirror(reflecting: y)
        guard depth > 0, !mx.children.isEmpty, mx.children.count == my.children.count else {
            return String(describing: x) == String(describing: y) ? [] : [path]
        }
        var out: [String] = []
        for (cx, cy) in zip(mx.children, my.children) {
            let name = cx.label ?? "?"
            if String(describing: cx.value) != String(describing: cy.value) {
                out += diff(cx.value, cy.value, path.isEmpty ? name : "\(path).\(name)", depth: depth - 1)
            }
        }
        return out.isEmpty && String(describing: x) != String(describing: y) ? [path] : out
    }
    return diff(a, b, "", depth: 2)
}

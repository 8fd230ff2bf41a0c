import ConsoleCore
import ScreenKit
import ServiceDomain

/// The follow-up panels' views.
enum FollowUpView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        PlannedPanel.render(state, into: &buffer, area: area, border: border)
    }
}

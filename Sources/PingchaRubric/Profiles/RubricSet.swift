/// What a command scores with: the rubrics, tried in order, and the profiles that tailor them
/// for some departments.
public struct RubricSet: Sendable {
    public var rubrics: [Rubric]
    public var profiles: [Profile]
    /// The catalogue position of `department`, which chooses a case's profile.
    public var departmentField: Int

    public init(rubrics: [Rubric], profiles: [Profile] = [], departmentField: Int = 0) {
        self.rubrics = rubrics
        self.profiles = profiles
        self.departmentField = departmentField
    }

    public var matcher: ProfileMatcher { ProfileMatcher(profiles: profiles, departmentField: departmentField) }
}

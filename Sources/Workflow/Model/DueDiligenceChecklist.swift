/// The due-diligence checklist: categories and the items under them.
///
/// NHS England's checklist groups items into ten categories; keeping the categories in the
/// workflow lets reports follow the order and wording the programme board knows.
public struct DueDiligenceChecklist: Sendable, Hashable, Codable {
    /// A checklist category, such as "Staff and staff benefits".
    public struct Category: Sendable, Hashable, Codable {
        /// The category's id, such as `STAFF`.
        public var id: String
        /// Its name.
        public var name: String

        /// Creates a category.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// The categories, in file order.
    public var categories: [Category]
    /// The items, in file order.
    public var items: [DueDiligenceItemDefinition]

    /// Creates a checklist.
    public init(categories: [Category] = [], items: [DueDiligenceItemDefinition] = []) {
        self.categories = categories
        self.items = items
    }
}

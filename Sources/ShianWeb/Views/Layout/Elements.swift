import Plot

/// HTML elements Plot has no component for, so pages can use them like Plot's own (`Div`, `Span`).
enum ShianElements {
    enum Main: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "main", nodes: $0) } }
    }
    enum Section: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "section", nodes: $0) } }
    }
    enum Small: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "small", nodes: $0) } }
    }
    enum Select: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "select", nodes: $0) } }
    }
    enum Option: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "option", nodes: $0) } }
    }
    enum DescriptionList: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "dl", nodes: $0) } }
    }
    enum Term: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "dt", nodes: $0) } }
    }
    enum Definition: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "dd", nodes: $0) } }
    }
    enum OrderedList: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "ol", nodes: $0) } }
    }
    enum UnorderedList: ElementDefinition {
        static var wrapper: (Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> { { .element(named: "ul", nodes: $0) } }
    }
}

typealias Main = ElementComponent<ShianElements.Main>
typealias PageSection = ElementComponent<ShianElements.Section>
typealias Small = ElementComponent<ShianElements.Small>
typealias Select = ElementComponent<ShianElements.Select>
typealias SelectOption = ElementComponent<ShianElements.Option>
typealias DescriptionList = ElementComponent<ShianElements.DescriptionList>
typealias Term = ElementComponent<ShianElements.Term>
typealias Definition = ElementComponent<ShianElements.Definition>
typealias OrderedList = ElementComponent<ShianElements.OrderedList>
typealias UnorderedList = ElementComponent<ShianElements.UnorderedList>

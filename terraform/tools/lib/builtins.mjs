// Terraform's own language constructs (not from any provider), in the same shape as the extracted provider
// schema: { attributes: { name: { required } }, blocks: { name: { nesting, required, labels, ...body } } }.
// `open: true` accepts any attribute (maps such as required_providers entries or mock defaults).

const attr = (required = false) => ({ required });
const block = (body, { nesting = 'list', required = false, labels = 0 } = {}) => ({
  nesting, required, labels, attributes: {}, blocks: {}, ...body,
});

const CONDITION = block({ attributes: { condition: attr(true), error_message: attr(true) } });

/** lifecycle and provisioner/connection blocks, accepted inside every resource. */
export const RESOURCE_META_ATTRIBUTES = new Set(['count', 'for_each', 'depends_on', 'provider']);
export const DATA_META_ATTRIBUTES = new Set(['count', 'for_each', 'depends_on', 'provider']);

export const LIFECYCLE = block({
  attributes: {
    create_before_destroy: attr(), prevent_destroy: attr(), ignore_changes: attr(), replace_triggered_by: attr(),
  },
  blocks: { precondition: CONDITION, postcondition: CONDITION },
}, { nesting: 'single' });

export const DATA_LIFECYCLE = block({ blocks: { precondition: CONDITION, postcondition: CONDITION } }, { nesting: 'single' });

const CONNECTION = block({ open: true }, { nesting: 'single' });

export const PROVISIONERS = {
  'local-exec': block({
    attributes: {
      command: attr(true), working_dir: attr(), interpreter: attr(), environment: attr(), when: attr(),
      on_failure: attr(), quiet: attr(),
    },
  }, { labels: 1 }),
};

export const RESOURCE_META_BLOCKS = {
  lifecycle: LIFECYCLE,
  connection: CONNECTION,
};

/** Built-in managed resources (provider terraform.io/builtin/terraform). */
export const BUILTIN_RESOURCES = {
  terraform_data: { attributes: { input: attr(), triggers_replace: attr() }, blocks: {} },
};
/** Attributes a built-in resource exports besides its arguments. */
export const BUILTIN_COMPUTED = { terraform_data: ['id', 'output'] };

/** Top-level blocks of a configuration (.tf) file. */
export const CONFIG_FILE = {
  attributes: {},
  blocks: {
    terraform: block({
      attributes: { required_version: attr(), experiments: attr() },
      blocks: {
        required_providers: block({ open: true }, { nesting: 'single' }),
        backend: block({ open: true }, { labels: 1, nesting: 'single' }),
        cloud: block({ open: true }, { nesting: 'single' }),
        provider_meta: block({ open: true }, { labels: 1 }),
      },
    }, { nesting: 'list' }),
    variable: block({
      attributes: {
        type: attr(), default: attr(), description: attr(), sensitive: attr(), nullable: attr(), ephemeral: attr(),
      },
      blocks: { validation: CONDITION },
    }, { labels: 1 }),
    output: block({
      attributes: { value: attr(true), description: attr(), sensitive: attr(), depends_on: attr(), ephemeral: attr() },
      blocks: { precondition: CONDITION },
    }, { labels: 1 }),
    locals: block({ open: true }),
    module: block({ open: true }, { labels: 1 }), // inputs are checked against the called module
    provider: block({ open: true }, { labels: 1 }), // checked against the provider schema
    resource: block({ open: true }, { labels: 2 }), // checked against the provider schema
    data: block({ open: true }, { labels: 2 }),
    moved: block({ attributes: { from: attr(true), to: attr(true) } }),
    removed: block({
      attributes: { from: attr(true) },
      blocks: { lifecycle: block({ attributes: { destroy: attr() } }, { nesting: 'single' }) },
    }),
    import: block({ attributes: { to: attr(true), id: attr(), identity: attr(), provider: attr(), for_each: attr() } }),
    check: block({
      blocks: { data: block({ open: true }, { labels: 2 }), assert: block({ attributes: { condition: attr(true), error_message: attr(true) } }) },
    }, { labels: 1 }),
  },
};

const OVERRIDE = block({ attributes: { target: attr(true), values: attr(), override_during: attr() } });
const MOCK = block({ attributes: { defaults: attr(), override_during: attr() } }, { labels: 1 });

/** Top-level blocks of a test (.tftest.hcl) file. */
export const TEST_FILE = {
  attributes: {},
  blocks: {
    test: block({ attributes: { parallel: attr() } }, { nesting: 'single' }),
    variables: block({ open: true }, { nesting: 'single' }),
    provider: block({ open: true }, { labels: 1 }),
    mock_provider: block({
      attributes: { alias: attr(), source: attr(), override_during: attr() },
      blocks: {
        mock_resource: MOCK, mock_data: MOCK,
        override_resource: OVERRIDE, override_data: OVERRIDE,
      },
    }, { labels: 1 }),
    override_resource: OVERRIDE,
    override_data: OVERRIDE,
    override_module: block({ attributes: { target: attr(true), outputs: attr(), override_during: attr() } }),
    run: block({
      attributes: {
        command: attr(), providers: attr(), expect_failures: attr(), state_key: attr(), parallel: attr(),
      },
      blocks: {
        variables: block({ open: true }, { nesting: 'single' }),
        module: block({ attributes: { source: attr(true), version: attr() } }, { nesting: 'single' }),
        plan_options: block({ attributes: { mode: attr(), refresh: attr(), replace: attr(), target: attr() } }, { nesting: 'single' }),
        assert: block({ attributes: { condition: attr(true), error_message: attr(true) } }),
        override_resource: OVERRIDE,
        override_data: OVERRIDE,
        override_module: block({ attributes: { target: attr(true), outputs: attr(), override_during: attr() } }),
      },
    }, { labels: 1 }),
  },
};

/** Roots a reference may start with besides declared names. */
export const ALWAYS_DEFINED_ROOTS = new Set(['path', 'terraform', 'each', 'count', 'self']);

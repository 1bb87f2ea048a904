import { diagram } from '../generators/graph/build';
import { blueprint, type Blueprint } from './types';
import { BLUEPRINT_HANDLERS } from './handlers.generated';
import { BLUEPRINT_LAYOUTS } from './layouts.generated';

export const banking: Blueprint = blueprint({
  id: 'banking',
  title: 'Banking: fixed deposits',
  description:
    'A customer asks for a fixed deposit through an API. A Step Functions workflow validates the request, then creates the deposit or rejects it; the deposits table turns every change into an event that notifies the customer through a queue and a topic.',
  graph: () =>
    diagram({
      name: 'Banking fixed deposits',
      positions: BLUEPRINT_LAYOUTS.banking,
      nodes: {
        DepositApi: 'apigateway',
        DepositWorkflow: 'stepfunctions',
        ValidateDeposit: ['lambda', { code: BLUEPRINT_HANDLERS['banking_validate.py'] }],
        CreateDeposit: ['lambda', { code: BLUEPRINT_HANDLERS['banking_create.py'] }],
        RejectDeposit: ['lambda', { code: BLUEPRINT_HANDLERS['banking_reject.py'] }],
        Deposits: ['dynamodb', { partitionKey: 'depositId' }],
        DepositEvents: 'eventbridge',
        CustomerNotifications: 'sqs',
        DepositAlerts: 'sns',
      },
      edges: [
        ['DepositApi', 'DepositWorkflow', { method: 'POST', path: '/deposits' }],
        ['DepositWorkflow', 'ValidateDeposit', { order: 1 }],
        ['DepositWorkflow', 'CreateDeposit', { order: 2, condition: '$.valid == true' }],
        ['DepositWorkflow', 'RejectDeposit', { order: 2 }],
        ['CreateDeposit', 'Deposits', { access: 'write' }],
        ['RejectDeposit', 'Deposits', { access: 'write' }],
        ['Deposits', 'DepositEvents'],
        ['DepositEvents', 'CustomerNotifications', { eventPattern: '{"source": ["eventform.dynamodb"]}' }],
        ['DepositEvents', 'DepositAlerts', { eventPattern: '{"source": ["eventform.dynamodb"]}' }],
      ],
      notes: {
        DepositApi: "The customer's request for a fixed deposit arrives here as an HTTP POST.",
        DepositWorkflow: 'A state machine orchestrates the steps: each step calls one function, and a condition decides which one runs next.',
        ValidateDeposit: 'Checks the amount, the term and the customer id, and answers valid: true or false with the reasons.',
        CreateDeposit: 'Computes the maturity date and amount and records the deposit as OPEN.',
        RejectDeposit: 'Records the refused request with its reasons, so the customer can be told why.',
        Deposits: 'The deposits table. Its stream publishes every change, which is how the rest of the system learns about new deposits.',
        DepositEvents: 'An event bus: it receives each change of the table as an event and routes it to whoever subscribed with a rule.',
        CustomerNotifications: 'A queue of notifications for the customer-facing systems: they read it at their own pace.',
        DepositAlerts: 'A topic for people: subscribe an e-mail address to hear about every deposit.',
        'DepositApi->DepositWorkflow': 'API Gateway starts an execution directly, with a role that may only start this workflow: no code in between.',
        'DepositWorkflow->ValidateDeposit': 'Step 1: every request is validated first.',
        'DepositWorkflow->CreateDeposit': 'Step 2, when the validation said valid: create the deposit.',
        'DepositWorkflow->RejectDeposit': 'Step 2 otherwise: reject the request.',
        'CreateDeposit->Deposits': 'The function may write items to this table and nothing else.',
        'RejectDeposit->Deposits': 'Rejections are recorded too, in the same table.',
        'Deposits->DepositEvents': "An EventBridge Pipe reads the table's stream and puts each change on the bus: the table update triggers an event.",
        'DepositEvents->CustomerNotifications': 'A rule forwards table-change events to the customer queue.',
        'DepositEvents->DepositAlerts': 'Another rule publishes the same events to the topic: one event, several destinations.',
      },
    }),
});

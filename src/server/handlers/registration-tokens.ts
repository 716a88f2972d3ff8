// The three registration-token resets (deprecated since 15.7, still served).
import * as store from '../../store/registration-tokens.js'
import { signedIn, type Handler } from '../handler.js'

export const resetInstanceRegistrationToken: Handler<'resetInstanceRegistrationToken'> = (_input, context) => ({
  status: 201,
  body: store.resetInstanceRegistrationToken(context.world, signedIn(context)),
})

export const resetProjectRegistrationToken: Handler<'resetProjectRegistrationToken'> = ({ params }, context) => ({
  status: 201,
  body: store.resetProjectRegistrationToken(context.world, signedIn(context), { projectId: params.id }),
})

export const resetGroupRegistrationToken: Handler<'resetGroupRegistrationToken'> = ({ params }, context) => ({
  status: 201,
  body: store.resetGroupRegistrationToken(context.world, signedIn(context), { groupId: params.id }),
})

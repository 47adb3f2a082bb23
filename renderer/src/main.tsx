import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient, defaultTransport } from './api'
import { AppRoot } from './AppRoot'
import { createI18n } from './i18n'
import { createQueryClient } from './query'
import { takeSessionToken } from './session-token'
import './styles.css'
import './styles/screens.css'
import './styles/workflow.css'
import './styles/parts.css'
import './styles/payments.css'
import './styles/print.css'
import './styles/print-work.css'

const client = createClient(defaultTransport(takeSessionToken()))
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <AppRoot client={client} i18n={createI18n()} queryClient={createQueryClient()} />
  </StrictMode>,
)

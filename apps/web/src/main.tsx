import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { i18nReady } from './i18n/i18n';
import './styles.css';
import { createApolloClient } from './app/apollo-client';
import { AppRoutes } from './app/app-routes';
import { AppRouter } from './app/router';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

const root = createRoot(container);
// A Spanish reader's texts arrive as a separate file: render once they are there (at once for English).
void i18nReady.finally(() =>
  root.render(
    <StrictMode>
      <ApolloProvider client={createApolloClient()}>
        <AppRouter>
          <AppRoutes />
        </AppRouter>
      </ApolloProvider>
    </StrictMode>,
  ),
);

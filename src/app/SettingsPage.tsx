// The Settings screen as the app shows it: the settings feature with the data feature's section
// in it. One module, so that both load in one piece when Settings is first opened.
import { DataSection } from '../features/data/DataSection.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import type { ScreenProps } from './screens.tsx';

export function SettingsPage({ content }: ScreenProps) {
  return <SettingsScreen data={<DataSection content={content} />} />;
}
